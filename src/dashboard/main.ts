/**
 * Dashboard entry point: styles, API client, controller. The controller is also
 * `window.councilgraph`, for the browser console (and the tests and benchmark, which read
 * the state and the on-screen graph through it rather than pixels).
 */
import './styles.css';
import { createClient } from './api/client.ts';
import { App } from './app.ts';

declare global {
  interface Window {
    councilgraph?: App;
  }
}

const app = new App(createClient());
window.councilgraph = app;
void app.start();
