toLower({{EXPR}}) CONTAINS $search
