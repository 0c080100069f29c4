"""Search: Pagefind online, Material's index offline (French folding)."""
