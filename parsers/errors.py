"""Errors a parser raises instead of returning a wrong document."""


class ParseError(Exception):
    """The bytes could not be turned into a trustworthy document.

    Raised for content that is not a page (binary, empty) and for text that could not
    be decoded with enough confidence: storing mojibake would lose data silently.
    The raw bytes stay archived, so a parse error is always re-parseable later.
    """

    def __init__(self, message: str, *, kind: str = "parse") -> None:
        super().__init__(message)
        self.kind = kind  # "empty" | "binary" | "decode" | "too_large" | "parse" | "crash" (a bug)
