import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import 'uplot/dist/uPlot.min.css';
import './studio.css';
import { App } from './App.js';
import { startSpareWorker } from './logic/analyst.js';
import { startLayoutWorker } from './logic/layout.js';

// Ready before the first model page asks for it (logic/analyst.ts).
startSpareWorker();
// ELK loaded and compiled before a model to lay out opens (logic/layout.ts).
startLayoutWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
