// Registers hooks.mjs: rule files imported by the engine are served as the widget's first chunk holds them.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
