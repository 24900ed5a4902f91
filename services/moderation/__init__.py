"""Moderation rules (pure): the blocked-term matcher and a guild's policy (channels, roles, approval,
visibility), checked before anything is spent."""
