"""`python -m bot.channels`: writes the effective credentials file (bot/channels/config.py)."""
import sys

from bot.channels.config import main

sys.exit(main())
