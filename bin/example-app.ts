#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { LexscribeChecks } from '../lib/cdk/aspect';
import { contactCentre } from '../lib/example/contact-centre';

// `cdk synth` runs this (cdk.json); `-c lexscribe:failOn=MEDIUM` and `-c example:insecure=true` change what it shows.
const app = new App();
contactCentre(app);
LexscribeChecks.fromContext(app);
