/** Dashboard entry point: styles, API client, controller. */
import './styles.css';
import { createClient } from './api/client.ts';
import { App } from './app.ts';

const app = new App(createClient());
void app.start();
