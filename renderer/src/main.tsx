import { queryClient } from './api/queries';
import { App } from './App';
import { mount } from './mount';

mount('index.html', queryClient, <App />);
