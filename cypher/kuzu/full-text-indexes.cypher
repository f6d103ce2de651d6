// Generated from src/graph/model.ts by src/graph/stores/schema.ts (Kuzu). Do not edit:
// change the model and run `npx tsx src/graph/stores/schema.ts --write`.
CALL CREATE_FTS_INDEX('Person', 'person_text', ['name'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Role', 'role_text', ['title'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Body', 'body_text', ['name'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Meeting', 'meeting_text', ['title'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Item', 'item_text', ['title'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Strategy', 'strategy_text', ['name'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Topic', 'topic_text', ['name'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Request', 'request_text', ['text'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Deferral', 'deferral_text', ['subject'], stemmer := 'english');
CALL CREATE_FTS_INDEX('Decision', 'decision_text', ['text'], stemmer := 'english');
