// Comodo !AutoApplySSL's `serverSoftware` row (section 1 Request): the id of each server software.
import type { ValueSpec } from './types';

const SERVER_SOFTWARE: [number, string][] = [
  [1, 'AOL'],
  [2, 'Apache/ModSSL'],
  [3, 'Apache-SSL (Ben-SSL, not Stronghold)'],
  [4, 'C2Net Stronghold'],
  [5, 'Cobalt Raq'],
  [6, 'Covalent Server Software'],
  [7, 'IBM HTTP Server'],
  [8, 'IBM Internet Connection Server'],
  [9, 'iPlanet'],
  [10, 'Java Web Server (Javasoft / Sun)'],
  [11, 'Lotus Domino'],
  [12, 'Lotus Domino Go!'],
  [13, 'Microsoft IIS 1.x to 4.x'],
  [14, 'Microsoft IIS 5.x and later'],
  [15, 'Netscape Enterprise Server'],
  [16, 'Netscape FastTrack'],
  [17, 'Novell Web Server'],
  [18, 'Oracle'],
  [19, 'Quid Pro Quo'],
  [20, 'R3 SSL Server'],
  [21, 'Raven SSL'],
  [22, 'RedHat Linux'],
  [23, 'SAP Web Application Server'],
  [24, 'Tomcat'],
  [25, 'Website Professional'],
  [26, 'WebStar 4.x and later'],
  [27, 'WebTen (from Tenon)'],
  [28, 'Zeus Web Server'],
  [-1, 'OTHER'],
];

export const COMODO_SERVER_SOFTWARE: ValueSpec[] = SERVER_SOFTWARE.map(([value, label]) => ({
  value,
  label,
}));
