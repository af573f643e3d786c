"""Answers to the warning-sign screen in words: clear, or the question not understood.

Clear: "no", "he has none of those", "dice que nada de eso"; not understood: "what do you
mean?"."""
from __future__ import annotations

import re

# A relative passing on the patient's answer ("She says no fever, no bladder problems") is
# the same answer, when nothing in it is kept back ("but", "except").
# Someone typing for the patient answers for them: "he has none of those", "she doesn't have
# any of that", "dice que nada de eso", "mi mamá dice que no".
CLEAR_ANSWER = re.compile(r"^\s*(?:(?:(?:she|he|they|my \w+) (?:says|said|tells me|told me)"
                           # in Spanish only a whole "no" ("dice que no", "... que nada de eso"),
                           # never "dice que no puede orinar"
                           r"|(?:(?:ella|[eé]l|mi \w+|su \w+) )?(?:me )?(?:dice|dijo|contesta|responde)"
                           r"(?: que)?(?=,?\s+(?:no|nada|ningun[oa]?)(?:\s+(?:tiene\s+)?(?:nada|ningun)"
                           r"|\s+de\s+eso|\s*[,.!]|\s*$))),?\s+"
                           r"(?!.*\b(?:but|except|apart from|although|though|pero|excepto|menos|aunque|"
                           r"sino)\b))?"
                           # "no sé si cuenta, pero ...": "I don't know", not "no"
                           # (never "no se me baja a la pierna": "se" there is no "sé")
                           r"(?!no,? (?:s[eé](?!\s+(?:me|te|le|les|nos|lo|la|va|ha|han)\b)|lo s[eé]"
                           r"|estoy segur)\b)"
                           r"(no+|nope|none|nah|neither|none of (these|them|those)|"
                           r"no,? none|no i don'?t|i don'?t|not really|nada|ningun[oa]?|"
                           r"(?:she|he|they)(?: has| have|'s| s)?(?: got| had)? (?:none|nothing)|"
                           r"(?:she|he|they) (?:doesn'?t|does not|don'?t|do not) have any|"
                           r"(?:she|he|they) (?:hasn'?t|has not|haven'?t|have not)(?: got| had)? any|"
                           r"(?:ella|[eé]l) no tiene (?:nada|ningun))\b", re.I)
# ... but not understanding the question is no answer to it: it is asked again.
NOT_UNDERSTOOD = re.compile(r"\b(don'?t|do not|didn'?t) (understand|get (it|this|that|what))\b|"
                             r"\bwhat do you mean\b|\bconfus", re.I)
