import { render } from 'preact';
import '../shared/styles.css';
import './pipeline.css';
import { Pipeline } from './Pipeline';

const root = document.getElementById('app');
if (root) render(<Pipeline />, root);
