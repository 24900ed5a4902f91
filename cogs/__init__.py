"""The cogs: `/imagine`, `/usage` and `/imagine-admin`. What supports them lives in `discord_side`."""
