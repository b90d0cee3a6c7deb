/** AWS Config. */

export const RECORDER = 'AWS::Config::ConfigurationRecorder';
export const DELIVERY_CHANNEL = 'AWS::Config::DeliveryChannel';
export const CONFIG_RULE = 'AWS::Config::ConfigRule';
