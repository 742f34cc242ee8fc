"""Shared foundation of tidlig: the offline guard and the settings object."""
