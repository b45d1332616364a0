"""Entities stage (being built): named people, organisations, places, facilities, events and laws.

rasid trains its own Arabic NER model offline from public corpora; :mod:`.corpora` reads
them into one tag set and keeps the evaluation split free of training text.
"""
