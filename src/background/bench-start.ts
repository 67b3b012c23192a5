/** Imported first by the worker's entry: marks when its modules start to evaluate (./bench-marks.ts). */
import { mark } from './bench-marks';

mark('worker-eval');
