/** Interface endpoint services of Lex V2 (after `com.amazonaws.<region>.`): runtime, then model building. */
export const LEX_RUNTIME_ENDPOINT = 'runtime-v2-lex';
export const LEX_MODELS_ENDPOINT = 'models-v2-lex';
export const LEX_ENDPOINT_SERVICES = [LEX_RUNTIME_ENDPOINT, LEX_MODELS_ENDPOINT];
