"""Pagination that never answers 404 to a page number people or links get wrong."""


def page_number(raw: str | None, last: int) -> int:
    """The page asked for in the query string: 1 for nonsense or numbers below 1, at most the last."""
    if raw == "last":
        return last
    if not raw or not raw.isdecimal():
        return 1
    if len(raw) > 9:
        # Past any end; also keeps int() away from strings of thousands of digits.
        return last
    return min(max(int(raw), 1), last)
