/**
 * The executable schema: schema.graphql as served (conventions.ts) with the resolvers attached.
 * Built once and shared by Apollo and the direct path (direct.ts), so both execute the very same
 * schema object.
 */
import { buildSchema, isAbstractType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';

type ResolverMap = Record<string, Record<string, unknown>>;

export function executableSchema(typeDefs: string, resolvers: ResolverMap): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`resolvers are given for type ${typeName}, which schema.graphql does not define: remove them or add the type`);
    for (const [name, fn] of Object.entries(fields)) {
      if (name === '__resolveType') {
        if (!isAbstractType(type)) throw new Error(`__resolveType is given for ${typeName}, which is not an interface or union`);
        type.resolveType = fn as GraphQLTypeResolver<unknown, unknown>;
        continue;
      }
      if (!isObjectType(type)) throw new Error(`a resolver is given for ${typeName}.${name}, but ${typeName} is not an object type`);
      const field = type.getFields()[name];
      if (!field) throw new Error(`a resolver is given for ${typeName}.${name}, which schema.graphql does not define: remove it or add the field`);
      field.resolve = fn as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
