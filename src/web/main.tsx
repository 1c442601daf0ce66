import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no <div id="root">; the web app cannot start.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
