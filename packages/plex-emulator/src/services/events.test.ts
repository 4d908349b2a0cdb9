import { describe, expect, it } from 'vitest';
import { notifyPlaying } from './events.js';
import { NotificationHub } from './notifications.js';
import type { Services } from './services.js';

/** Just enough of the services for the notifier: a hub to publish on and a clock. */
function hubServices(): { hub: NotificationHub; services: Services } {
  const hub = new NotificationHub();
  const services = {
    hub,
    notify: (notification) => hub.publish(notification),
    nowSeconds: () => 1_700_000_000,
  } as Pick<Services, 'hub' | 'notify' | 'nowSeconds'> as Services;
  return { hub, services };
}

describe('notifyPlaying', () => {
  const base = {
    sessionKey: '12',
    clientIdentifier: 'roku-lr-7f3a',
    ratingKey: '1004',
    state: 'paused',
    viewOffset: 61_000,
  } as const;

  it('sends the PlaySessionStateNotification PMS sends, without the optional ids', () => {
    const { hub, services } = hubServices();
    notifyPlaying(services, base);
    expect(hub.history()).toEqual([
      {
        type: 'playing',
        element: 'PlaySessionStateNotification',
        entries: [
          {
            sessionKey: '12',
            clientIdentifier: 'roku-lr-7f3a',
            guid: '',
            ratingKey: '1004',
            url: '',
            key: '/library/metadata/1004',
            viewOffset: 61_000,
            playQueueItemID: 0,
            state: 'paused',
          },
        ],
      },
    ]);
  });

  it('adds playQueueID, playQueueItemID and transcodeSession when given', () => {
    const { hub, services } = hubServices();
    notifyPlaying(services, {
      ...base,
      playQueueId: 7,
      playQueueItemId: 31,
      transcodeSession: '6f1c9e2a7b4d8053c1e7a9f2',
    });
    expect(hub.history()[0]?.entries[0]).toMatchObject({
      playQueueID: 7,
      playQueueItemID: 31,
      transcodeSession: '6f1c9e2a7b4d8053c1e7a9f2',
    });
  });
});
