/// <reference types="chrome" />
// page.evaluate callbacks in the end-to-end tests run inside extension pages and the worker.
