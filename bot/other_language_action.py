"""The action answering a message in a language the assistant does not speak: its name alone.

Apart from bot/other_language.py (the policy, which imports Rasa's policies and with them
TensorFlow) so that the action server, which only needs the name, does not load TensorFlow:
measured, the action server's modules then take 121 MB instead of 466 MB (peak RSS).
"""
OTHER_LANGUAGE_ACTION = "action_other_language"
