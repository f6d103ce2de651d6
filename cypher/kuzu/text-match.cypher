lower({{EXPR}}) CONTAINS $search
