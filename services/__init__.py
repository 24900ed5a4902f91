"""The engine side of the bot: everything but Discord, in packages by capability. Nothing here imports
discord.py or the Discord side (an import-linter contract in pyproject.toml keeps it so)."""
