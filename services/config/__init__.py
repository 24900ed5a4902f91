"""The operator's settings: one typed model read from the environment (and `.env`), validated up front."""
