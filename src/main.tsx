import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createRouter } from './app/routes.tsx';
import { StartupError } from './app/startup-error.tsx';
import { loadKader } from './content/load-kader.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
const root = createRoot(container);

loadKader().then(
  (index) =>
    root.render(
      <StrictMode>
        <RouterProvider router={createRouter(index)} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupError error={error} />),
);
