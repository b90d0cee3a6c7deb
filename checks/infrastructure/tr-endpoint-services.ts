/** Interface endpoint services of Transcribe (after `com.amazonaws.<region>.`; China Regions add `.cn`): batch (incl. Medical), then streaming. */
export const TRANSCRIBE_BATCH_ENDPOINT = 'transcribe';
export const TRANSCRIBE_STREAMING_ENDPOINT = 'transcribestreaming';
export const TRANSCRIBE_ENDPOINT_SERVICES = [TRANSCRIBE_BATCH_ENDPOINT, TRANSCRIBE_STREAMING_ENDPOINT, `${TRANSCRIBE_BATCH_ENDPOINT}.cn`, `${TRANSCRIBE_STREAMING_ENDPOINT}.cn`];
