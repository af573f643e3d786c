"""Which of several times said in one message is the pain's.

The episode now, not an earlier one; when it began, not when it changed; the writer's own, not
a relative's; a time said of the pain over times said of nothing named. Each rule yields when
it would leave no time."""
from __future__ import annotations

import re
from typing import Any, Collection, List

from bot.nlu.duration_es import spanish_clauses
from bot.nlu.duration_events import after_a_turning_point, other_events, times_something_else

_HYPERBOLE = re.compile(r"\b(?:forever|for\s+ever|an\s+eternity|ages|una\s+eternidad|siglos)\b", re.I)


def pain_time_among(text: str, kept: List[Any], mentions: List[Any], pain_words: Collection[str],
                    spanish: bool) -> List[Any]:
    """The durations of `kept` (more than one, none another thing's) that are the pain's."""
    clauses = spanish_clauses() if spanish else {}
    events = clauses["events"] if spanish else other_events()
    # "12 yrs at the warehouse and never had a problem til 3 wks ago": when it began
    kept = [d for d in kept if after_a_turning_point(text, d.start)] or kept
    kept = [d for d in kept if not events.past_episode(text, d.start)] or kept
    # "feels like forever but honestly maybe 5 or 6 days": the hyperbole yields
    kept = [d for d in kept if not _HYPERBOLE.search(d.text)] or kept
    # "hurt it 20 years ago, had it pinned. It's been aching again this last fortnight"
    kept = [d for d in kept if not events.before_a_new_episode(text, d, kept)] or kept
    # "my son has had back pain for years, mine started last month": a relative's
    # time beside the writer's own
    kept = [d for d in kept if not events.someone_elses(text, d.start, mentions)] or kept
    # "about 5 months, and in the last few weeks it's gone down my leg": when it began
    kept = [d for d in kept if not events.tells_a_change(text, d.start)] or kept
    # "my toes are numb from diabetes, had that for years. the new thing is my low back
    # pain for 6 weeks", "eso fue en enero ... desde hace mes y medio me empezó un
    # dolor": where a time is said of the pain, times said of nothing named are not
    pain = [d for d in kept if times_something_else(
        text, d.start, d.end, mentions, (), pain_words, anchored=True, **clauses)]
    return pain or kept
