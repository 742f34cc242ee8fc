"""Question -> Answer: retrieval, the answer / partial / decline decision, citat-mode composition and citation checks.

Example::

    from assistant import Assistant
    answer = Assistant.open(settings).ask("Hvad er tidlig indsats?")
"""

from assistant.pipeline import Assistant
from assistant.types import Answer, Citation, Turn
from assistant.verify import CitationVerifier, SentenceCheck

__all__ = ["Answer", "Assistant", "Citation", "CitationVerifier", "SentenceCheck", "Turn"]
