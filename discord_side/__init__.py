"""What supports the cogs on the Discord side: the client (built with its collaborators) and its command
tree, command sync, the presenter of jobs, persistent buttons and views, the audit log, the catalogue of
texts (`catalogue`, composed by `texts`), the one mapping of errors to texts (`error_text`), and the
launcher that starts jobs from interactions. The only code besides `cogs/` that imports discord.py."""
