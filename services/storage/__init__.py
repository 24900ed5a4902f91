"""Storage: the database (opening, locking, migrations, transactions), its tables, the job, quota-settings
and moderation-settings stores, and task notifications between processes on PostgreSQL. Storage
never imports the engine."""
