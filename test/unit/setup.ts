// Every unit test gets a fresh, spec-faithful IndexedDB in memory.
import 'fake-indexeddb/auto';
