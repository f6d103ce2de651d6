any(x IN {{EXPR}} WHERE toLower(x) CONTAINS $search)
