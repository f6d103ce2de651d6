lower(list_to_string(' | ', {{EXPR}})) CONTAINS $search
