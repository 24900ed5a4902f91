"""Quota rules: the UTC day, the limits that apply to a member (pure), and the service that reads a
guild's settings to compute them."""
