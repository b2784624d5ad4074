#!/usr/bin/env node
// Removes dist/ so that renamed or deleted sources leave no stale bundles or .d.ts files.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
