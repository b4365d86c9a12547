import {createContext, useContext} from 'react';
import {defaultDisplay, type Display} from '../look/display.js';

/** How the chat draws (see display.ts), for every component under the App. */
export const DisplayContext = createContext<Display>(defaultDisplay);

export const useDisplay = (): Display => useContext(DisplayContext);
