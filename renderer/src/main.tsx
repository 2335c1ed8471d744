import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(<App />);
