import { removeTempDirs } from '../helpers/temp';

// Test apps, assemblies and reports are written into temporary folders: none is left behind.
afterAll(removeTempDirs);
