"""The operator's settings: one typed model read from the environment (and `.env`), validated up front,
and the reference generated from it (the README's table of settings and `.env.example`)."""
