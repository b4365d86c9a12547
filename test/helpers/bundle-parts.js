// Registers bundle-parts-hooks.js (ava's nodeArguments): tests draw with the parts the bundle ships.
import {register} from 'node:module';

register('./bundle-parts-hooks.js', import.meta.url);
