"""How long, told across two messages: the start in one, the day it is now in the next.

"I have had back pain since I started the new job, that was in June" gets "How long have you
had this pain?", and the answer only says the day it is: "Now is end of September". Neither
message alone is a length; read together they are (about 16 weeks). English only: the Spanish
parser dates its own anchors. Pure."""
from __future__ import annotations

import datetime
import re
from typing import Optional

from bot.nlu import reading_day
from bot.nlu.duration import parse_durations
from bot.nlu.duration_anchor import _anchor
from bot.nlu.duration_dates import _MONTH_RE


def told_across(previous: Optional[str], text: Optional[str],
                today: Optional[datetime.date] = None) -> Optional[float]:
    """The weeks from the start the earlier message dates to the day this one says it is now;
    None when this message says no day, or already tells a length, or the two give no single one."""
    today = today or reading_day.today()
    if not previous or not text or _anchor(text, today) is None or parse_durations(text, today):
        return None
    weeks = [m.weeks for m in parse_durations(f"{previous.rstrip()} {text.strip()}", today)]
    if not weeks:  # "since I started the new job, that was in June": the one month it names
        months = _MONTH_SAID.findall(previous)
        weeks = [m.weeks for m in parse_durations(f"since {months[0]}. {text.strip()}", today)] \
            if len(set(m.lower() for m in months)) == 1 and _SINCE.search(previous) else []
    return weeks[0] if len(weeks) == 1 else None


# A month the earlier message dates something to ("that was in June"), when it also says the
# pain runs from something ("since I started the new job")
_MONTH_SAID = re.compile(r"\b(?:in|since|from|about|around)\s+(%s)\b" % _MONTH_RE, re.I)
_SINCE = re.compile(r"\b(?:since|ever since|started|began|from)\b", re.I)
