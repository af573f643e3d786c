"""The triage contract's values (../shared/triage-contract.md), defined once.

Staff tools, channels and acceptance checks read these exact strings from the tracker.
"""
LOCATIONS = ("lower_back", "upper_back", "neck", "other")
TREATMENTS = ("rest", "otc_medication", "prescription_medication", "physical_therapy",
              "exercise", "chiropractic", "massage", "acupuncture", "heat_ice", "injection",
              "radiofrequency_ablation", "surgery")
# Suspected cauda equina or progressive neurological deficit: emergency department now.
EMERGENCY_FLAGS = ("bladder_bowel", "saddle_numbness", "leg_weakness")
# Possible infection, fracture or malignancy: to be seen by a doctor within 24 hours.
URGENT_FLAGS = ("fever", "trauma", "cancer_history", "weight_loss")
RED_FLAGS = EMERGENCY_FLAGS + URGENT_FLAGS
TRIAGE_LEVELS = ("emergency", "urgent", "consultation", "self_care")
# The languages the assistant speaks (the `language` slot's values); English is the default.
LANGUAGES = ("en", "es")
DURATION_CATEGORIES = ("acute", "subacute", "chronic")
# Weeks in a month and a year, for reading durations and saying them (the contract's
# "5 months -> 21.7"): one year length everywhere, 12 x 4.345 = 52.14.
WEEKS_PER_MONTH = 4.345
WEEKS_PER_YEAR = 52.14
