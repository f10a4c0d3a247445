import type { KycDeskApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    kycDesk: KycDeskApi;
  }
}
