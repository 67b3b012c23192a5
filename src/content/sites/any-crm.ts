/**
 * The content script of the CRMs the rep allows at run time (src/background/any-crm.ts
 * registers it): every adapter, the generic one last, since the address is known only then.
 */
import { boot } from '../boot';

boot(() => import('../../adapters/registry').then((module) => module.ADAPTERS));
