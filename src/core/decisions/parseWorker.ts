// Entry point of a parse worker thread (see scanDecisions' workerScript). Built next to the code that
// scans, it lets a scan of thousands of records use every core.
import { runParseWorker } from './scan';

runParseWorker();
