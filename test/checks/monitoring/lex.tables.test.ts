import { runTables } from '../../tester/tables';

runTables(__dirname, 'lex');
