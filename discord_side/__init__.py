"""What supports the cogs on the Discord side: the client, command sync, the presenter of jobs, persistent
buttons and views, the audit log, the catalogue of texts, and the launcher that starts jobs from
interactions. The only code besides `cogs/` that imports discord.py."""
