/** The one data map of issue 14: what is stored where, about whom, why, and until when. */
export * from './types';
export * from './subjects';
export * from './categories';
export * from './policies';
export * from './map';
export * from './check';
export * from './register';
